export { GuideViewer, type GuideViewerProps } from './GuideViewer';

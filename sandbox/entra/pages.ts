import { escapeHtml as e } from '../http/io';

/**
 * The sign-in pages. Element ids follow Entra's own (i0116, i0118, idSIButton9,
 * idTxtBx_SAOTCC_OTC...) so a test written against the sandbox reads like one written
 * against login.microsoftonline.com.
 */
function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0}
main{background:#fff;max-width:440px;margin:8vh auto;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 16px}label{display:block;margin:12px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px;font-size:15px;border:0;border-bottom:1px solid #666}
button{background:#0067b8;color:#fff;border:0;padding:8px 24px;font-size:15px;margin-top:20px;cursor:pointer}
.error{color:#e81123}.demo{background:#fff4ce;border-left:4px solid #8a6d00;padding:8px 12px;margin-bottom:16px;font-size:14px}.demo code{font-size:14px;letter-spacing:0}.banner{font-size:13px;color:#555;margin-bottom:20px}code{font-size:20px;letter-spacing:2px}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px;border-bottom:1px solid #ddd}</style></head>
<body><main><div class="banner">Microsoft 365 sandbox (local simulation)</div>${body}</main></body></html>`;
}

export type DemoAccount = { upn: string; password: string; mfaCode: string };

/**
 * The demo hint: this is a simulated tenant, so its sign-in details are no secret, and a person
 * trying the app should not have to find them in a terminal.
 */
function demoHint(accounts: readonly DemoAccount[], show: 'sign-in' | 'code'): string {
  if (accounts.length === 0) return '';
  const rows = accounts
    .map((a) =>
      show === 'sign-in'
        ? `<li><code>${e(a.upn)}</code>, password <code>${e(a.password)}</code></li>`
        : `<li>Code for <code>${e(a.upn)}</code>: <code>${e(a.mfaCode)}</code></li>`,
    )
    .join('');
  return `<aside class="demo" id="demoHint" aria-label="Demo tenant"><strong>Demo tenant.</strong> ${
    show === 'sign-in' ? 'Sign in as' : 'No phone needed here.'
  }<ul>${rows}</ul></aside>`;
}

const hidden = (name: string, value: string): string => `<input type="hidden" name="${e(name)}" value="${e(value)}">`;

export function signInPage(options: { flowToken: string; action: string; appName: string; loginHint?: string; error?: string; demo?: readonly DemoAccount[] }): string {
  return layout(
    'Sign in to your account',
    `${demoHint(options.demo ?? [], 'sign-in')}<h1 id="loginHeader">Sign in</h1><p>to continue to ${e(options.appName)}</p>
<form method="post" action="${e(options.action)}" id="credentials">${hidden('flowToken', options.flowToken)}
${options.error ? `<div id="passwordError" class="error" role="alert">${e(options.error)}</div>` : ''}
<label for="i0116">Email, phone, or Skype</label><input type="email" id="i0116" name="login" autocomplete="username" value="${e(options.loginHint ?? '')}" required>
<label for="i0118">Password</label><input type="password" id="i0118" name="passwd" autocomplete="current-password" required>
<button type="submit" id="idSIButton9">Sign in</button></form>`,
  );
}

export function mfaPage(options: { flowToken: string; action: string; upn: string; error?: string; demo?: readonly DemoAccount[] }): string {
  return layout(
    'Enter code',
    `${demoHint(options.demo ?? [], 'code')}<div id="displayName">${e(options.upn)}</div><h1>Enter code</h1>
<p id="idDiv_SAOTCC_Description">Enter the code displayed in the Microsoft Authenticator app on your mobile device</p>
<form method="post" action="${e(options.action)}">${hidden('flowToken', options.flowToken)}
${options.error ? `<div id="idSpan_SAOTCC_Error_OTC" class="error" role="alert">${e(options.error)}</div>` : ''}
<label for="idTxtBx_SAOTCC_OTC">Code</label><input type="text" id="idTxtBx_SAOTCC_OTC" name="otc" inputmode="numeric" autocomplete="one-time-code" required>
<button type="submit" id="idSubmit_SAOTCC_Continue">Verify</button></form>`,
  );
}

export function errorPage(code: string, message: string): string {
  return layout(
    'Sign in',
    `<h1>Sorry, but we're having trouble signing you in.</h1><p id="errorCode">${e(code)}: ${e(message)}</p>`,
  );
}

/** Hands the authorization response to the app's loopback address by POST (response_mode=form_post). */
export function formPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => hidden(name, value))
    .join('');
  return `<!doctype html><html><head><title>Working...</title></head><body>
<form method="POST" name="hiddenform" action="${e(action)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript></form>
<script>document.forms[0].submit();</script></body></html>`;
}

export function deviceCodeEntryPage(options: { action: string; error?: string }): string {
  return layout(
    'Enter code',
    `<h1>Enter code</h1><p>Enter the code displayed on your app or device.</p>
<form method="post" action="${e(options.action)}">
${options.error ? `<div id="error" class="error" role="alert">${e(options.error)}</div>` : ''}
<label for="otc">Code</label><input type="text" id="otc" name="otc" autocomplete="off" required>
<button type="submit" id="idSIButton9">Next</button></form>`,
  );
}

export function deviceCodeDonePage(appName: string): string {
  return layout(
    'Signed in',
    `<h1 id="message">${e(appName)}</h1><p>You have signed in to the ${e(appName)} application on your device. You may now close this window.</p>`,
  );
}

export type AppPasswordRow = { id: string; name: string; createdDateTime: string };

export function securityInfoPage(options: {
  upn: string;
  canary: string;
  methods: string[];
  appPasswords: AppPasswordRow[];
  blocker: string | null;
  created?: { name: string; secret: string };
  error?: string;
}): string {
  const rows = options.appPasswords
    .map((row) => `<tr><td>App password</td><td>${e(row.name)}</td><td>${e(row.createdDateTime)}</td><td><form method="post" action="/security-info/app-passwords/delete">${hidden('canary', options.canary)}${hidden('id', row.id)}<button type="submit" aria-label="Delete ${e(row.name)}">Delete</button></form></td></tr>`)
    .join('');
  const methodRows = options.methods.map((method) => `<tr><td>${e(method)}</td><td></td><td></td><td></td></tr>`).join('');
  const created = options.created
    ? `<section id="appPasswordCreated" role="status"><h2>App password</h2><p>Copy your password below. You won't be able to see it again.</p>
<p>Name: <span id="appPasswordName">${e(options.created.name)}</span></p><p>Password: <code id="appPasswordValue">${e(options.created.secret)}</code></p></section>`
    : '';
  const add = options.blocker
    ? `<p id="appPasswordUnavailable">${e(options.blocker)}</p>`
    : `<form method="post" action="/security-info/app-passwords" id="addAppPassword">${hidden('canary', options.canary)}
<label for="appPasswordNameInput">App password name</label><input type="text" id="appPasswordNameInput" name="name" minlength="8" required>
<button type="submit" id="addAppPasswordButton">Next</button></form>`;
  return layout(
    'Security info',
    `<h1>Security info</h1><p id="signedInAs">${e(options.upn)}</p>
${options.error ? `<div id="error" class="error" role="alert">${e(options.error)}</div>` : ''}${created}
<table id="methods"><thead><tr><th>Method</th><th>Name</th><th>Created</th><th></th></tr></thead><tbody>${methodRows}${rows}</tbody></table>
<h2>Add sign-in method: App password</h2>${add}`,
  );
}

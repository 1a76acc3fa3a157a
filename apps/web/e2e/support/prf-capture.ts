// Reports the PRF output of every ceremony to the test, which then checks it never left the
// page. Runs before the app's own scripts, outside its CSP.
export const CAPTURE_PRF = `(() => {
  const toB64url = (buffer) => {
    const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer)
      : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  };
  for (const name of ['create', 'get']) {
    const original = CredentialsContainer.prototype[name];
    CredentialsContainer.prototype[name] = async function (...args) {
      const credential = await original.apply(this, args);
      const first = credential?.getClientExtensionResults?.().prf?.results?.first;
      if (first) window.__coopReportPrf(toB64url(first));
      return credential;
    };
  }
})();`;

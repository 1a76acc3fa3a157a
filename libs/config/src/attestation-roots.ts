import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A vendor root certificate that attestation chains of hardened roles must end at. */
export interface AttestationRoot {
  file: string;
  subject: string;
  /** SHA-256 fingerprint, colon-separated hex, as vendors publish it. */
  fingerprint256: string;
  notAfter: string;
  pem: string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/**
 * Reads every certificate from the `*.pem` files of `dir`. Returns the problems instead of
 * throwing, so the caller can name the variable; a problem never quotes file contents.
 */
export function readAttestationRoots(
  dir: string,
  now = new Date(),
): { roots: AttestationRoot[]; problems: string[] } {
  const problems: string[] = [];
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) return { roots: [], problems: ['is not a directory'] };
    files = readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.pem'))
      .sort();
  } catch {
    return { roots: [], problems: ['cannot be read (missing, or no permission)'] };
  }
  const roots: AttestationRoot[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch {
      problems.push(`${file} cannot be read`);
      continue;
    }
    const blocks = text.match(PEM_BLOCK) ?? [];
    if (blocks.length === 0) problems.push(`${file} holds no PEM certificate`);
    blocks.forEach((pem, index) => {
      const where = blocks.length > 1 ? `${file} (certificate ${index + 1})` : file;
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(pem);
      } catch {
        problems.push(`${where} is not a valid X.509 certificate`);
        return;
      }
      if (!cert.ca) problems.push(`${where} is not a CA certificate (basicConstraints CA:FALSE)`);
      else if (new Date(cert.validTo) < now) problems.push(`${where} expired on ${cert.validTo}`);
      else if (new Date(cert.validFrom) > now)
        problems.push(`${where} is not valid before ${cert.validFrom}`);
      else
        roots.push({
          file,
          subject: cert.subject.replace(/\n/g, ', '),
          fingerprint256: cert.fingerprint256,
          notAfter: new Date(cert.validTo).toISOString(),
          pem: cert.toString(),
        });
    });
  }
  if (problems.length === 0 && roots.length === 0) problems.push('holds no *.pem certificate');
  return { roots, problems };
}

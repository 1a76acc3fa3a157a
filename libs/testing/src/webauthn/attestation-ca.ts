import 'reflect-metadata';
import { KeyObject, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** id-fido-gen-ce-aaguid: the authenticator model an attestation certificate vouches for. */
const FIDO_AAGUID_OID = '1.3.6.1.4.1.45724.1.1.4';
const DAY = 24 * 60 * 60_000;

x509.cryptoProvider.set(globalThis.crypto);

/** What an authenticator holds to make a packed attestation: its key and certificate chain. */
export interface AttestationIdentity {
  privateKey: KeyObject;
  /** DER certificates, leaf first, without the root. */
  x5c: Uint8Array[];
}

export interface LeafOptions {
  /** The model the leaf certifies, in its id-fido-gen-ce-aaguid extension; null leaves it out. */
  aaguid: Uint8Array | null;
  /** Organisation name in the leaf's subject. */
  vendor?: string;
  /** Issue the leaf from an intermediate CA, which then travels in x5c. */
  intermediate?: boolean;
}

/** A vendor's attestation CA in miniature, for tests of attestation trust. */
export interface TestAttestationCa {
  /** The root, as an operator would put it in ATTESTATION_ROOTS_DIR. */
  rootPem: string;
  issue(options: LeafOptions): Promise<AttestationIdentity>;
}

type Keys = webcrypto.CryptoKeyPair;

const generateKeys = async (): Promise<Keys> =>
  webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);

const validity = () => ({
  notBefore: new Date(Date.now() - DAY),
  notAfter: new Date(Date.now() + 365 * DAY),
});

/** Subject of a packed attestation leaf: the WebAuthn spec requires OU and a two-letter C. */
const leafName = (vendor: string) =>
  `C=SE, O=${vendor}, OU=Authenticator Attestation, CN=${vendor} Test Serial ${Date.now()}`;

function leafExtensions(aaguid: Uint8Array | null): x509.Extension[] {
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(false, undefined, true)];
  if (aaguid) {
    if (aaguid.length !== 16) throw new TypeError('aaguid must be 16 bytes');
    // The extension value is a DER OCTET STRING holding the 16 AAGUID bytes.
    extensions.push(
      new x509.Extension(FIDO_AAGUID_OID, false, Uint8Array.of(0x04, 0x10, ...aaguid)),
    );
  }
  return extensions;
}

async function caCertificate(
  name: string,
  keys: Keys,
  issuer?: { name: string; keys: Keys },
): Promise<x509.X509Certificate> {
  const extensions = [
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
  if (!issuer)
    return x509.X509CertificateGenerator.createSelfSigned({
      name,
      keys,
      signingAlgorithm: SIGN_ES256,
      extensions,
      ...validity(),
    });
  return x509.X509CertificateGenerator.create({
    subject: name,
    issuer: issuer.name,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: SIGN_ES256,
    extensions,
    ...validity(),
  });
}

const der = (cert: x509.X509Certificate) => new Uint8Array(cert.rawData);

export async function createAttestationCa(
  name = 'CN=Test Attestation Root CA, O=Test Vendor, C=SE',
): Promise<TestAttestationCa> {
  const rootKeys = await generateKeys();
  const root = await caCertificate(name, rootKeys);
  return {
    rootPem: root.toString('pem'),
    async issue({ aaguid, vendor = 'Test Vendor', intermediate = false }) {
      let issuer = { name, keys: rootKeys };
      const chain: Uint8Array[] = [];
      if (intermediate) {
        const subCa = { name: `CN=Test Attestation Intermediate CA, O=${vendor}, C=SE` };
        const keys = await generateKeys();
        chain.push(der(await caCertificate(subCa.name, keys, issuer)));
        issuer = { name: subCa.name, keys };
      }
      const leafKeys = await generateKeys();
      const leaf = await x509.X509CertificateGenerator.create({
        subject: leafName(vendor),
        issuer: issuer.name,
        publicKey: leafKeys.publicKey,
        signingKey: issuer.keys.privateKey,
        signingAlgorithm: SIGN_ES256,
        extensions: leafExtensions(aaguid),
        ...validity(),
      });
      return {
        privateKey: KeyObject.from(leafKeys.privateKey),
        x5c: [der(leaf), ...chain],
      };
    },
  };
}

/** A leaf that signs itself, as anyone can make claiming any vendor and model. */
export async function selfSignedAttestation(options: {
  aaguid: Uint8Array;
  vendor: string;
}): Promise<AttestationIdentity> {
  const keys = await generateKeys();
  const leaf = await x509.X509CertificateGenerator.createSelfSigned({
    name: leafName(options.vendor),
    keys,
    signingAlgorithm: SIGN_ES256,
    extensions: leafExtensions(options.aaguid),
    ...validity(),
  });
  return { privateKey: KeyObject.from(keys.privateKey), x5c: [der(leaf)] };
}

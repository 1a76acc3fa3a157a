import { encodeQR } from 'qr';
import { useMemo } from 'react';

/**
 * A QR code drawn as one SVG path from the encoder's module matrix: no image data, no inline
 * style, so it renders under the strict CSP and scales crisply for scanning.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: 2 });
    const d = matrix
      .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
      .join('');
    return { size: matrix.length, path: d };
  }, [text]);
  return (
    <svg
      className="keys-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

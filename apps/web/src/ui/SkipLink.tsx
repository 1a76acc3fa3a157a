import './skip-link.css';

export function SkipLink({ target, children }: { target: string; children: string }) {
  return (
    <a className="ui-skip-link" href={`#${target}`}>
      {children}
    </a>
  );
}

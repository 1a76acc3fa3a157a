import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { cx } from './cx';
import './button.css';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: 'primary' | 'secondary' | 'danger';
  size?: 'normal' | 'small';
  className?: string;
}

export function Button({ variant = 'primary', size = 'normal', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={cx(
        'ui-button',
        `ui-button--${variant}`,
        size === 'small' && 'ui-button--small',
        className,
      )}
    />
  );
}

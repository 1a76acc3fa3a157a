import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { cx } from './cx';
import './button.css';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: 'primary' | 'secondary' | 'danger';
  size?: 'normal' | 'small';
  className?: string;
}

/**
 * react-aria's own pending state announces the button through a live region whose entries
 * outlive the button (labelled by an id that no longer exists once a dialog closes), so a pending
 * button here simply stays focusable, says it is busy and ignores presses.
 */
export function Button({
  variant = 'primary',
  size = 'normal',
  className,
  isPending,
  onPress,
  type,
  ...props
}: ButtonProps) {
  return (
    <AriaButton
      {...props}
      type={isPending ? 'button' : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending || undefined}
      className={cx(
        'ui-button',
        `ui-button--${variant}`,
        size === 'small' && 'ui-button--small',
        isPending && 'ui-button--pending',
        className,
      )}
    />
  );
}

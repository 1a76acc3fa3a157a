import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { cx } from './cx';
import './dialog.css';

export interface ModalDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  children: ReactNode;
  /** `alertdialog` for confirmations that interrupt the user. */
  role?: 'dialog' | 'alertdialog';
  /** Closing by clicking outside is refused while something is in progress. */
  isDismissable?: boolean;
  size?: 'small' | 'large';
}

/** A modal dialog: focus stays inside until it closes, then returns to what opened it. */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  role = 'dialog',
  isDismissable = true,
  size = 'small',
}: ModalDialogProps) {
  return (
    <ModalOverlay
      className="ui-modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
    >
      <Modal className={cx('ui-modal', `ui-modal--${size}`)}>
        <Dialog className="ui-dialog" role={role}>
          <Heading slot="title" className="ui-dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

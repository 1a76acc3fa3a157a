export { Badge } from './Badge';
export type { BadgeTone } from './Badge';
export { Button } from './Button';
export type { ButtonProps } from './Button';
export { Select } from './Select';
export type { SelectOption, SelectProps } from './Select';
export { SkipLink } from './SkipLink';
export { useDateTimeFormat, useNumberFormat } from './format';

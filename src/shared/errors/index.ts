// The error registry (src/shared/errors): import everything from here.
export { def, variants, type ErrorKind, type ParamValue, type Params } from './define';
export { httpStatus, KIND_EXIT, KIND_STATUS } from './kinds';
export {
  ERROR_DEFS,
  LdError,
  englishMessages,
  err,
  fillTemplate,
  formatParam,
  isErrorCode,
  isLdError,
  kindOf,
  makeError,
  renderErrorMessage,
  statusOverride,
  templateOf,
  toErrorValue,
  type ErrorCode,
  type ErrorParams,
  type ErrorValue,
  type MessageKey,
} from './registry';

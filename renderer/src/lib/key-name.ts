export { keyName } from '../../../shared/key-naming';

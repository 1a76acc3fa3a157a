import { SnakeNamingStrategy } from './naming-strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it.each([
    ['webauthnUserId', 'webauthn_user_id'],
    ['stateCode', 'state_code'],
    ['HTTPRequestId', 'http_request_id'],
    ['createdAt', 'created_at'],
  ])('names column %s as %s', (property, column) => {
    expect(naming.columnName(property, undefined, [])).toBe(column);
  });

  it('keeps explicit names and prefixes embedded columns', () => {
    expect(naming.tableName('UserEntity', 'users')).toBe('users');
    expect(naming.columnName('x', 'customName', [])).toBe('custom_name');
    expect(naming.columnName('street', undefined, ['homeAddress'])).toBe('home_address_street');
  });
});

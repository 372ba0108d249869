/**
 * Users, their permissions and age restrictions, who is calling ({@link org.longbox.user.Caller}) and
 * what they may see ({@link org.longbox.user.Viewer}), the rules for managing users, password hashing,
 * and the account view sign-in uses ({@link org.longbox.user.Accounts}). What managing users needs of
 * sign-in it reaches through interfaces auth implements: {@link org.longbox.user.UserSessions},
 * {@link org.longbox.user.UserApiKeys} and {@link org.longbox.user.PasswordChecks}.
 */
package org.longbox.user;

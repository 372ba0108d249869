/**
 * Users, their permissions and age restrictions, who is calling ({@link org.longbox.user.Caller}) and
 * what they may see ({@link org.longbox.user.Viewer}), the rules for managing users, password hashing,
 * and the account view sign-in uses ({@link org.longbox.user.Accounts}).
 */
package org.longbox.user;

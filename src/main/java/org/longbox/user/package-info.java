/** Users, their permissions and the rules for managing them. */
package org.longbox.user;

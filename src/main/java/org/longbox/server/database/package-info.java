/** The DataSource, migrations, MyBatis setup and the one transaction helper. */
package org.longbox.server.database;

package org.longbox.auth;

import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;

/** Reading and clearing the record of login attempts. */
public final class LoginActivityService {
    private final Database db;

    public LoginActivityService(Database db) {
        this.db = db;
    }

    /** Self or owner. */
    public Page<LoginActivity> forUser(Caller caller, String userId, PageRequest page) {
        if (!caller.userId().equals(userId) && !caller.ownerPowers()) {
            throw ApiException.forbidden("Only the server owner may see other users' login activity");
        }
        requirePageMode(page);
        return db.auto(s -> {
            LoginActivityMapper m = s.getMapper(LoginActivityMapper.class);
            return new Page<>(m.listForUser(userId, page.offset(), page.pageSize()), m.countForUser(userId), page, null);
        }).map(LoginActivityRow::toActivity);
    }

    /** Owner only. */
    public Page<LoginActivity> all(Caller caller, PageRequest page) {
        caller.requireOwner();
        requirePageMode(page);
        return db.auto(s -> {
            LoginActivityMapper m = s.getMapper(LoginActivityMapper.class);
            return new Page<>(m.listAll(page.offset(), page.pageSize()), m.countAll(), page, null);
        }).map(LoginActivityRow::toActivity);
    }

    /** Owner only; returns how many records were deleted. */
    public int clear(Caller caller) {
        caller.requireOwner();
        return db.auto(s -> s.getMapper(LoginActivityMapper.class).deleteAll());
    }

    private static void requirePageMode(PageRequest page) {
        if (page.cursorMode()) {
            throw ApiException.badRequest("Login activity is paged by page and page_size, not by cursor");
        }
    }
}

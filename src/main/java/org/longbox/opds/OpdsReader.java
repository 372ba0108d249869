package org.longbox.opds;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.http.Callers;
import org.longbox.user.Caller;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

/** Who is asking a catalog: what they may see, whether they may download, and how links are written. */
public record OpdsReader(Viewer viewer, boolean canDownload, OpdsUrls urls) {
    /** @param version "1.2" or "2.0" */
    static OpdsReader of(SecurityContext sc, HttpServletRequest request, String version) {
        Caller caller = Callers.of(sc);
        return new OpdsReader(Viewer.of(caller), caller.has(Permission.FILE_DOWNLOAD), OpdsUrls.of(request, version));
    }
}

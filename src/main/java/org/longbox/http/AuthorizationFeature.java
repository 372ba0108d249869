package org.longbox.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.longbox.user.Caller;
import org.longbox.user.Permission;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Declarative authorization: each resource method is public ({@link Public}), or needs a caller,
 * plus any {@link RequiresPermission} and {@link OwnerOnly} on the method or its class.
 */
public final class AuthorizationFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        Method method = info.getResourceMethod();
        Class<?> type = info.getResourceClass();
        if (isPublic(method, type)) {
            return;
        }
        RequiresPermission perms = method.isAnnotationPresent(RequiresPermission.class)
                ? method.getAnnotation(RequiresPermission.class) : type.getAnnotation(RequiresPermission.class);
        boolean owner = method.isAnnotationPresent(OwnerOnly.class) || type.isAnnotationPresent(OwnerOnly.class);
        context.register(new Check(perms == null ? List.of() : List.of(perms.value()), owner));
    }

    public static boolean isPublic(Method method, Class<?> type) {
        return method.isAnnotationPresent(Public.class) || type.isAnnotationPresent(Public.class);
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class Check implements ContainerRequestFilter {
        private final List<Permission> permissions;
        private final boolean ownerOnly;

        Check(List<Permission> permissions, boolean ownerOnly) {
            this.permissions = permissions;
            this.ownerOnly = ownerOnly;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = Callers.of(request.getSecurityContext());
            if (ownerOnly) {
                caller.requireOwner();
            }
            for (Permission p : permissions) {
                caller.require(p);
            }
        }
    }
}

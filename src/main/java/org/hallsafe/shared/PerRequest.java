package org.hallsafe.shared;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a web request reads once and then asks again unchanged (a hall's booking rules, its windows): kept in the
 * request's own attributes, so it is gone when the request ends and a second node never misses it. Outside a web
 * request (jobs, tests calling a service) every call reads.
 */
public final class PerRequest {

    private PerRequest() {}

    /** The value kept under {@code key} in this request, read by {@code read} the first time. */
    public static <T> T once(String key, Supplier<T> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        @SuppressWarnings("unchecked")
        T kept = (T) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = read.get();
            request.setAttribute(key, kept, RequestAttributes.SCOPE_REQUEST);
        }
        return kept;
    }

    /** Forgets the value, for the request that has just changed it. */
    public static void forget(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(key, RequestAttributes.SCOPE_REQUEST);
        }
    }
}

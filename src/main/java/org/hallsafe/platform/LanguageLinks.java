package org.hallsafe.platform;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language switch's link (issue 20, item 5): the same page in the other language, its query kept (a citizen on
 * the slots of one item and day stays there), only {@code lang} replaced. Used by the layout as {@code @languageLinks}.
 */
@Component("languageLinks")
public class LanguageLinks {

    /** A relative link, {@code ?hall=X&item=3&lang=en}, for the page now being shown. */
    public String to(String lang) {
        String query = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? kept(attributes.getRequest()) : "";
        return "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + lang;
    }

    private static String kept(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.equals("lang") && !p.startsWith("lang=")).collect(Collectors.joining("&"));
    }
}

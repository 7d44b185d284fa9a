package org.hallsafe;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every GET address of HallSafe's own controllers, read from Spring MVC's mappings, so a module added later is held
 * to the page-wide tests (the CSP, the English scan, axe) without editing them. Each test leaves out what is not a
 * page for it ({@code notPages}: any address containing one of these).
 */
final class GetPages {

    private GetPages() {
    }

    /** The addresses, sorted, those naming a record (with a <code>{</code>variable<code>}</code>) included. */
    static List<String> of(RequestMappingHandlerMapping mappings, List<String> notPages) {
        Set<String> pages = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            if (get && method.getBeanType().getPackageName().startsWith("org.hallsafe")) {
                info.getPatternValues().stream().filter(p -> notPages.stream().noneMatch(p::contains))
                        .forEach(pages::add);
            }
        });
        return List.copyOf(pages);
    }

    /** The addresses a person opens without naming a record. */
    static List<String> withoutRecord(RequestMappingHandlerMapping mappings, List<String> notPages) {
        return of(mappings, notPages).stream().filter(p -> !p.contains("{")).toList();
    }
}

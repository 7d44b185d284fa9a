package org.hallsafe.platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A person's real name for a login name (issue 20, item 4): a ledger, on paper or on screen, shows who screened or
 * recorded a line by name ({@code 张建国}), not by the account's login ({@code zhangjg}). A value that is no login (a
 * name typed on a form) stays as it is.
 */
@Component
public class PersonNames {

    private final Function<String, Optional<String>> lookup;

    @Autowired
    PersonNames(Accounts accounts) {
        this(login -> accounts.findByUsername(login).map(Accounts.AccountView::displayName));
    }

    PersonNames(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** For tests of code that takes names: every login stays as it is. */
    public static PersonNames asLogins() {
        return new PersonNames(login -> Optional.empty());
    }

    /**
     * A resolver for one page or one export: each login is looked up once however many lines carry it. Safe to call
     * from several threads.
     */
    public Resolver resolver() {
        return new Resolver(lookup);
    }

    /** Real names for one page or one export (a page calls it as {@code ${names.apply(l.screener)}}). */
    public static final class Resolver implements Function<String, String> {
        private final Function<String, Optional<String>> lookup;
        private final Map<String, String> known = new ConcurrentHashMap<>();

        private Resolver(Function<String, Optional<String>> lookup) {
            this.lookup = lookup;
        }

        @Override
        public String apply(String login) {
            return login == null || login.isBlank() ? login
                    : known.computeIfAbsent(login, l -> lookup.apply(l).filter(n -> !n.isBlank()).orElse(l));
        }
    }
}

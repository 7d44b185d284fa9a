package org.hallsafe.platform;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {

    @Query("SELECT * FROM accounts WHERE lower(username) = lower(:username)")
    Optional<Account> findByUsername(String username);

    @Query("SELECT count(*) > 0 FROM accounts WHERE role = 'BUREAU_ADMIN' AND enabled AND NOT demo")
    boolean existsUsableAdmin();

    @Query("SELECT * FROM accounts WHERE site_id = :siteId ORDER BY username")
    List<Account> findBySite(long siteId);
}

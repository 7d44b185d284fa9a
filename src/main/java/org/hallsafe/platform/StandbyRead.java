package org.hallsafe.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method whose reads may run on the streaming standby (issue 18, item 3) when
 * {@code HALLSAFE_DB_READ_URL} is set: ledgers, exports, figures, overviews, read by people who accept a view up to
 * {@code hallsafe.db.standby-max-lag} (5 s) old. Nothing that must see its own write belongs here. Without a standby,
 * or with one that is down or lags, the method runs on the primary as before. A call that is already inside a
 * transaction stays on that transaction's primary connection. The activity log's records of what such a read opened
 * are written to the primary ({@link ActivityLog}). Put it on a public or package-private method of a Spring bean,
 * called from another bean (a call within the same class is not routed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StandbyRead {
}

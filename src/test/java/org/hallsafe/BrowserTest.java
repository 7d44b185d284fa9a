package org.hallsafe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that drives a real Chromium ({@link Browser}): tagged {@code browser}, so the fast loop
 * {@code ./mvnw verify -Pfast} (or {@code -DexcludedGroups=browser}) leaves it out; CI runs every test. On the class,
 * or on the methods that open a browser. {@code SuiteIssue13Test} fails for a test that opens one untagged.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserTest.TAG)
public @interface BrowserTest {

    String TAG = "browser";
}

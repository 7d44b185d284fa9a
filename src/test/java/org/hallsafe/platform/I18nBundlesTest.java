package org.hallsafe.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese first: every text in both bundles, none in templates. */
class I18nBundlesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern CJK_RUN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
    private static final Pattern SCRIPT_STYLE_COMMENT = Pattern.compile(
            "(?is)<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>|<!--.*?-->");
    /** A tag, quotes respected, so {@code th:if="${a > b}"} does not end it early. */
    private static final Pattern TAG = Pattern.compile("<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>");
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");
    private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);");
    /** Literal attributes shown to people; whitespace before the name, so {@code th:placeholder} is not matched. */
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile(
            "(?i)\\s(placeholder|title|aria-label|alt)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    /** Symbols that may stand in a template as they are. */
    private static final List<String> ALLOWED_SYMBOLS = List.of("°C", "›", "·", "|", "—", "×");

    private static Properties load(String name) throws IOException {
        Path file = RESOURCES.resolve(name);
        assertThat(file).as("bundle " + file).isRegularFile();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bothBundlesHaveTheSameKeysAndNoBlankValue() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");

        Set<String> missingInEn = new TreeSet<>(zh.stringPropertyNames());
        missingInEn.removeAll(en.stringPropertyNames());
        Set<String> missingInZh = new TreeSet<>(en.stringPropertyNames());
        missingInZh.removeAll(zh.stringPropertyNames());
        assertThat(missingInEn.isEmpty() && missingInZh.isEmpty())
                .as("missing in messages_en.properties: %s%nmissing in messages.properties: %s", missingInEn, missingInZh)
                .isTrue();

        List<String> blank = new ArrayList<>();
        for (String key : zh.stringPropertyNames()) {
            if (zh.getProperty(key).isBlank()) {
                blank.add("messages.properties: " + key);
            }
        }
        for (String key : en.stringPropertyNames()) {
            if (en.getProperty(key).isBlank()) {
                blank.add("messages_en.properties: " + key);
            }
        }
        assertThat(blank).as("blank values").isEmpty();

        assertThat(zh.stringPropertyNames().stream().map(zh::getProperty).anyMatch(v -> CJK.matcher(v).find()))
                .as("messages.properties is the zh-CN default bundle and should hold Chinese text")
                .isTrue();
    }

    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Set<String> seen = new TreeSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as("%s defines these keys twice; the later silently wins", bundle).isEmpty();
        }
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        assertThat(TEMPLATES).as("templates directory").isDirectory();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }

        List<String> offences = new ArrayList<>();
        for (Path template : templates) {
            String html = Files.readString(template, StandardCharsets.UTF_8);

            Matcher cjk = CJK_RUN.matcher(html);
            while (cjk.find()) {
                offences.add(template + ": Chinese text \"" + cjk.group() + "\"");
            }

            String markup = SCRIPT_STYLE_COMMENT.matcher(html).replaceAll(" ");
            String tagsOnly = TAG.matcher(markup).replaceAll("<>");
            Matcher text = TEXT_NODE.matcher(tagsOnly);
            while (text.find()) {
                String node = text.group(1).strip();
                if (isLiteralText(node)) {
                    offences.add(template + ": text \"" + node + "\"");
                }
            }

            Matcher attribute = LITERAL_ATTRIBUTE.matcher(markup);
            while (attribute.find()) {
                String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
                if (LATIN.matcher(value).find() || CJK.matcher(value).find()) {
                    offences.add(template + ": " + attribute.group(1) + "=\"" + value + "\"");
                }
            }
        }
        assertThat(offences).as("literal text in templates; use #{...} from the bundles").isEmpty();
    }

    private static boolean isLiteralText(String node) {
        if (node.isEmpty() || node.startsWith("[[") || node.startsWith("[(")) {
            return false;
        }
        String rest = ENTITY.matcher(node).replaceAll(" ");
        for (String symbol : ALLOWED_SYMBOLS) {
            rest = rest.replace(symbol, " ");
        }
        return LATIN.matcher(rest).find();
    }
}

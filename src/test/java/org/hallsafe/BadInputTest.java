package org.hallsafe;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpSession;
import org.hallsafe.TestHall.Hall;
import org.hallsafe.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.SessionStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 12, item 8: the guard against server errors from bad input. It enumerates every handler of the application
 * from the request mappings (pages and {@code /api/v1}, every module, so a later module is covered without editing
 * this test), fills path variables with ids found on the application's own pages and with unknown ids, and sends a
 * table of bad values to every request parameter, form field and JSON property it can discover, one field at a
 * time, signed in as a bureau administrator of a fresh hall and again anonymously where the operation is public.
 * Any 5xx (or an exception no handler turned into a response) fails the test with the list of (method, path, field,
 * value).
 */
@HallSafeTest
class BadInputTest {

    private static final String LONG = "长".repeat(100_000);
    private static final String NUL = "a\u0000b";
    private static final String CONTROL = "a\u0001\u0007\u001b\u007fb";
    private static final String PASSWORD_100_BYTES = "Aa1!" + "x".repeat(96);

    /** Handlers that cannot be driven as a request/response pair (a live stream) or belong to the framework. */
    private static final Set<String> SKIPPED = Set.of("/live", "/error");

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired TestHall halls;
    @Autowired TestAccounts accounts;
    @Autowired UserDetailsService users;

    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> harvested = new LinkedHashMap<>();
    private final Set<String> urls = new TreeSet<>();
    private int requests;

    @Test
    void r12_8_noBadValueOnAnyFormOrApiOperationGivesA5xx() throws Exception {
        Hall hall = halls.create();
        UserDetails admin = users.loadUserByUsername(accounts.create(Role.BUREAU_ADMIN, hall.siteId()));
        List<Operation> operations = operations();
        assertThat(operations).as("handlers found").hasSizeGreaterThan(50);

        // what the pages offer: ids in links and forms, values of hidden fields and choices of selects; then one
        // plain submission of every form without an id in its path, so the hall has records, and a second look
        crawl(operations, admin);
        for (Operation op : operations) {
            if (op.method == HttpMethod.POST && op.variables.isEmpty() && !op.pattern.startsWith("/api/")) {
                Map<String, String> base = new LinkedHashMap<>();
                op.fields.forEach((name, type) -> base.put(name, baseline(name, type)));
                send(op, op.pattern, base, null, admin, "admin", "seed");
            }
        }
        crawl(operations, admin);
        long started = System.nanoTime();
        int anonymous = 0;
        for (Operation op : operations) {
            probe(op, admin);
            if (isPublic(op)) {
                anonymous++;
                probe(op, null);
            }
        }
        System.out.printf("BadInputTest: %d operations (%d also anonymously), %d requests, %d answered 5xx, %d s%n",
                operations.size(), anonymous, requests, failures.size(), (System.nanoTime() - started) / 1_000_000_000);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-5xx.txt"), failures);
        assertThat(failures).as("requests that answered 5xx (%d of %d)", failures.size(), requests).isEmpty();
    }

    @Test
    void r12_8_aWordInANumberFieldComesBackBesideTheFieldWithWhatWasTyped() throws Exception {
        Hall hall = halls.create();
        UserDetails admin = users.loadUserByUsername(accounts.create(Role.BUREAU_ADMIN, hall.siteId()));
        String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/hygiene/zones")
                        .with(csrf()).with(user(admin)).param("name", "一楼大厅").param("zoneType", "WAITING")
                        .param("intervalMinutes", "abc").param("ventilationMinutes", "2026-13-45"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"abc\"").contains("value=\"2026-13-45\"").contains("一楼大厅").contains("请填写数字");
    }

    @Test
    void r12_8_theApiNamesTheFieldOfAValueOfTheWrongTypeInAProblemDetail() throws Exception {
        Hall hall = halls.create();
        UserDetails admin = users.loadUserByUsername(accounts.create(Role.BUREAU_ADMIN, hall.siteId()));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/screening/screenings")
                        .with(csrf()).with(user(admin)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"personType\":\"CITIZEN\",\"temperature\":\"abc\",\"mask\":\"NOT_A_CHOICE\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors.temperature").exists());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/screening/screenings")
                        .with(csrf()).with(user(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"personType\":"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors.body").exists());
    }

    private void crawl(List<Operation> operations, UserDetails admin) throws Exception {
        for (Operation op : operations) {
            if (op.method == HttpMethod.GET && op.variables.isEmpty()) {
                harvest(send(op, op.pattern, Map.of(), null, admin, "admin", "crawl"));
            }
        }
    }

    // ---- the probes

    private void probe(Operation op, UserDetails who) throws Exception {
        String tag = who == null ? "anonymous" : "admin";
        Map<String, String> base = new LinkedHashMap<>();
        op.fields.forEach((name, type) -> base.put(name, baseline(name, type)));
        String body = op.body == null ? null : json(op.body, null, null);

        List<String> paths = paths(op);
        for (String path : paths) {
            send(op, path, base, body, who, tag, "baseline");
            send(op, path, Map.of(), op.body == null ? null : "{}", who, tag, "nothing");
        }
        String path = paths.get(0);
        // bad path variables
        for (Map.Entry<String, Class<?>> variable : op.variables.entrySet()) {
            for (String bad : badValues(variable.getKey(), variable.getValue())) {
                if (bad.isEmpty() || bad.length() > 100) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>(fill(op, path));
                values.put(variable.getKey(), encode(bad));
                send(op, expand(op.pattern, values), base, body, who, tag, "{" + variable.getKey() + "}=" + printable(bad));
            }
        }
        // bad form fields and request parameters, one at a time
        for (Map.Entry<String, Class<?>> field : op.fields.entrySet()) {
            for (String bad : badValues(field.getKey(), field.getValue())) {
                Map<String, String> params = new LinkedHashMap<>(base);
                params.put(field.getKey(), bad);
                send(op, path, params, body, who, tag, field.getKey() + "=" + printable(bad));
            }
        }
        // bad JSON bodies: shape, then each property
        if (op.body != null) {
            for (String bad : List.of("{\"a\":", "", "[]", "\"x\"", "null", "[1,", "{\"a\":1}}", "123")) {
                send(op, path, base, bad, who, tag, "body=" + printable(bad));
            }
            send(op, path, base, body, who, tag, "content-type=text/plain", MediaType.TEXT_PLAIN);
            send(op, path, base, body, who, tag, "content-type=form", MediaType.APPLICATION_FORM_URLENCODED);
            send(op, path, base, null, who, tag, "no body");
            for (String property : properties(op.body, "")) {
                Class<?> type = propertyType(op.body, property);
                for (String bad : badJson(property, type)) {
                    send(op, path, base, json(op.body, property, bad), who, tag, "json " + property + "=" + printable(bad));
                }
            }
            if (!op.body.isRecord()) {
                for (String bad : List.of("[\"abc\"]", "[1e40]", "[99999999999999999999]", "[999999999]", "{}", "[null]")) {
                    send(op, path, base, bad, who, tag, "body=" + bad);
                }
            }
        }
    }

    private boolean isPublic(Operation op) throws Exception {
        MvcResult r = mvc.perform(build(op, paths(op).get(0), Map.of(), op.body == null ? null : "{}", null, null))
                .andReturn();
        int status = r.getResponse().getStatus();
        String location = r.getResponse().getRedirectedUrl();
        return status != 401 && status != 403 && !(location != null && location.contains("/login"));
    }

    private MvcResult send(Operation op, String path, Map<String, String> params, String body, UserDetails who,
            String tag, String what) {
        return send(op, path, params, body, who, tag, what, null);
    }

    private MvcResult send(Operation op, String path, Map<String, String> params, String body, UserDetails who,
            String tag, String what, MediaType contentType) {
        requests++;
        try {
            MvcResult r = mvc.perform(build(op, path, params, body, who, contentType)).andReturn();
            if (r.getResponse().getStatus() >= 500) {
                failures.add(op.method + " " + path + " [" + tag + "] " + what + " -> " + r.getResponse().getStatus()
                        + (r.getResolvedException() == null ? "" : " " + r.getResolvedException()));
            }
            return r;
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            failures.add(op.method + " " + path + " [" + tag + "] " + what + " -> unhandled " + cause.getClass().getName()
                    + ": " + printable(String.valueOf(cause.getMessage()).lines().findFirst().orElse(""), 160));
            return null;
        }
    }

    private MockHttpServletRequestBuilder build(Operation op, String path, Map<String, String> params, String body,
            UserDetails who, MediaType contentType) {
        MockHttpServletRequestBuilder request = request(op.method, path).with(csrf());
        if (who != null) {
            request.with(user(who));
        }
        params.forEach(request::param);
        if (body != null) {
            request.content(body).contentType(contentType == null ? MediaType.APPLICATION_JSON : contentType);
        }
        if (op.pattern.startsWith("/api/")) {
            request.accept(MediaType.APPLICATION_JSON, MediaType.valueOf("application/problem+json"));
        }
        return request;
    }

    // ---- the values

    private static List<String> badValues(String name, Class<?> type) {
        List<String> values = new ArrayList<>();
        if (isNumber(type)) {
            values.addAll(List.of("abc", "1e40", "-1", "99999999999999999999", "999999999", "1.5", "", NUL, "NaN"));
        } else if (type.isEnum()) {
            values.addAll(List.of("NOT_A_CHOICE", "", NUL, "1"));
        } else if (type == LocalDate.class || type == YearMonth.class) {
            values.addAll(List.of("2026-13-45", "abc", "", "99999-01-01", "0000-00-00", "2026-02-30", NUL));
        } else if (type == LocalTime.class) {
            values.addAll(List.of("25:61", "abc", "", NUL));
        } else if (type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class) {
            values.addAll(List.of("2026-13-45T25:00", "abc", "", NUL));
        } else if (type == boolean.class || type == Boolean.class) {
            values.addAll(List.of("abc", "", NUL));
        } else {
            values.addAll(List.of(NUL, CONTROL, "", "   ", LONG, "abc", "-1", "99999999999999999999", "2026-13-45"));
            if (name.toLowerCase().contains("password")) {
                values.add(PASSWORD_100_BYTES);
                values.add("密码".repeat(40));
            }
        }
        return values;
    }

    private static List<String> badJson(String name, Class<?> type) {
        List<String> values = new ArrayList<>(List.of("null", "{}", "[]"));
        if (isNumber(type)) {
            values.addAll(List.of("\"abc\"", "1e40", "-1", "99999999999999999999", "999999999", "1.5", "true", "\"\""));
        } else if (type.isEnum()) {
            values.addAll(List.of("\"NOT_A_CHOICE\"", "\"\"", "1", "\"a\\u0000b\""));
        } else if (type == LocalDate.class || type == LocalTime.class || type == LocalDateTime.class
                || type == Instant.class || type == OffsetDateTime.class || type == YearMonth.class) {
            values.addAll(List.of("\"2026-13-45\"", "\"abc\"", "12345", "\"\"", "\"25:61\""));
        } else if (type == boolean.class || type == Boolean.class) {
            values.addAll(List.of("\"abc\"", "2"));
        } else if (Collection.class.isAssignableFrom(type)) {
            values.addAll(List.of("[\"abc\"]", "[1e40]", "[999999999]", "[null]", "\"x\""));
        } else {
            values.addAll(List.of("\"a\\u0000b\"", "\"a\\u0001\\u0007b\"", "\"\"", "\"   \"", "\"" + LONG + "\"", "123",
                    "\"2026-13-45\""));
            if (name.toLowerCase().contains("password")) {
                values.add("\"" + PASSWORD_100_BYTES + "\"");
            }
        }
        return values;
    }

    /** A value the application would take for the field: one its own pages offer, else a plain one of its type. */
    private String baseline(String name, Class<?> type) {
        String offered = harvested.get(name);
        if (offered != null) {
            return offered;
        }
        if (isNumber(type)) {
            return "1";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        if (type == LocalDate.class) {
            return LocalDate.now().toString();
        }
        if (type == YearMonth.class) {
            return YearMonth.now().toString();
        }
        if (type == LocalTime.class) {
            return "09:00";
        }
        if (type == LocalDateTime.class) {
            return LocalDate.now() + "T09:00";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        return name.toLowerCase().contains("phone") ? "13800138000" : "测试" + name;
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class || type == long.class || type == short.class || type == double.class
                || type == float.class || Number.class.isAssignableFrom(type);
    }

    // ---- JSON bodies from record components

    private String json(Class<?> type, String property, String replacement) {
        return json(type, "", property, replacement, 0);
    }

    private String json(Class<?> type, String prefix, String property, String replacement, int depth) {
        if (!type.isRecord()) {
            return "[" + baseline("id", Long.class) + "]";
        }
        StringBuilder json = new StringBuilder("{");
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + c.getName();
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(c.getName()).append("\":");
            if (name.equals(property)) {
                json.append(replacement);
            } else if (c.getType().isRecord() && depth < 3) {
                json.append(json(c.getType(), name + ".", property, replacement, depth + 1));
            } else {
                json.append(jsonValue(c.getName(), c.getType(), c.getGenericType()));
            }
        }
        return json.append('}').toString();
    }

    private String jsonValue(String name, Class<?> type, Type generic) {
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = element(generic);
            return element == null ? "[]" : "[" + jsonValue(name, element, element) + "]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "{}";
        }
        String value = baseline(name, type);
        return isNumber(type) || type == boolean.class || type == Boolean.class ? value : "\"" + value + "\"";
    }

    private static List<String> properties(Class<?> type, String prefix) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(prefix + c.getName());
                if (c.getType().isRecord() && prefix.chars().filter(ch -> ch == '.').count() < 3) {
                    names.addAll(properties(c.getType(), prefix + c.getName() + "."));
                }
            }
        }
        return names;
    }

    private static Class<?> propertyType(Class<?> type, String property) {
        Class<?> t = type;
        for (String part : property.split("\\.")) {
            for (RecordComponent c : t.getRecordComponents()) {
                if (c.getName().equals(part)) {
                    t = c.getType();
                    break;
                }
            }
        }
        return t;
    }

    private static Class<?> element(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    // ---- the handlers

    private record Operation(HttpMethod method, String pattern, Map<String, Class<?>> variables,
            Map<String, Class<?>> fields, Class<?> body) {
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.hallsafe")
                    || info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM)) {
                continue;
            }
            Set<HttpMethod> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.name())));
            if (methods.isEmpty()) {
                methods.addAll(List.of(HttpMethod.GET, HttpMethod.POST));
            }
            Map<String, Class<?>> variables = new LinkedHashMap<>();
            Map<String, Class<?>> fields = new LinkedHashMap<>();
            Class<?> body = null;
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                Class<?> type = p.getParameterType();
                PathVariable variable = p.getParameterAnnotation(PathVariable.class);
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (variable != null) {
                    variables.put(!variable.name().isEmpty() ? variable.name() : p.getParameterName(), type);
                } else if (p.hasParameterAnnotation(RequestBody.class)) {
                    body = type;
                } else if (p.hasParameterAnnotation(RequestHeader.class) || p.hasParameterAnnotation(CookieValue.class)
                        || p.hasParameterAnnotation(AuthenticationPrincipal.class) || Model.class.isAssignableFrom(type)
                        || Map.class.isAssignableFrom(type) || Errors.class.isAssignableFrom(type)
                        || RedirectAttributes.class.isAssignableFrom(type) || SessionStatus.class.isAssignableFrom(type)
                        || ServletRequest.class.isAssignableFrom(type) || ServletResponse.class.isAssignableFrom(type)
                        || HttpSession.class.isAssignableFrom(type) || MultipartFile.class.isAssignableFrom(type)
                        || java.security.Principal.class.isAssignableFrom(type) || java.util.Locale.class == type) {
                    continue;
                } else if (param != null || BeanUtils.isSimpleProperty(type)) {
                    String name = param != null && !param.name().isEmpty() ? param.name() : p.getParameterName();
                    fields.put(name, Collection.class.isAssignableFrom(type)
                            ? orString(element(p.getGenericParameterType())) : type);
                } else {
                    formFields(type, "", fields, 0);
                }
            }
            for (String pattern : info.getPathPatternsCondition() == null ? info.getPatternValues()
                    : info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList()) {
                if (SKIPPED.contains(pattern)) {
                    continue;
                }
                Map<String, Class<?>> inPattern = new LinkedHashMap<>();
                Matcher names = Pattern.compile("\\{\\*?([^}:]+)[^}]*}").matcher(pattern);
                while (names.find()) {
                    inPattern.put(names.group(1), variables.getOrDefault(names.group(1), String.class));
                }
                for (HttpMethod method : methods) {
                    operations.add(new Operation(method, pattern, inPattern, fields, body));
                }
            }
        }
        // reads first, so the ids they show are still there; deletions last
        operations.sort(java.util.Comparator.comparing((Operation o) -> o.method == HttpMethod.GET ? 0
                : o.method == HttpMethod.DELETE ? 2 : 1).thenComparing(Operation::pattern));
        return operations;
    }

    private static Class<?> orString(Class<?> c) {
        return c == null ? String.class : c;
    }

    private static void formFields(Class<?> type, String prefix, Map<String, Class<?>> fields, int depth) {
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                add(c.getName(), c.getType(), c.getGenericType(), prefix, fields, depth);
            }
        } else if (!type.isInterface() && !type.getPackageName().startsWith("java")) {
            for (Field f : type.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    add(f.getName(), f.getType(), f.getGenericType(), prefix, fields, depth);
                }
            }
        }
    }

    private static void add(String name, Class<?> type, Type generic, String prefix, Map<String, Class<?>> fields,
            int depth) {
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = element(generic);
            if (element != null && !BeanUtils.isSimpleProperty(element) && depth < 3) {
                formFields(element, prefix + name + "[0].", fields, depth + 1);
            } else {
                fields.put(prefix + name, orString(element));
            }
        } else if (!BeanUtils.isSimpleProperty(type) && !type.isArray() && depth < 3) {
            formFields(type, prefix + name + ".", fields, depth + 1);
        } else {
            fields.put(prefix + name, type);
        }
    }

    // ---- path variables: ids the pages link to, and unknown ones

    private List<String> paths(Operation op) {
        if (op.variables.isEmpty()) {
            return List.of(op.pattern);
        }
        List<String> paths = new ArrayList<>();
        Pattern regex = Pattern.compile(op.pattern.replaceAll("\\{[^}]+}", "([^/?#]+)").replace(".", "\\.") + "(?:[?#].*)?");
        // the newest record the pages link to: the fresh hall's own, so other tests' halls are left alone
        urls.stream().filter(url -> regex.matcher(url).matches()).map(url -> url.replaceAll("[?#].*", ""))
                .max(java.util.Comparator.comparingLong(BadInputTest::largestNumber)).ifPresent(paths::add);
        Map<String, String> unknown = new LinkedHashMap<>();
        op.variables.forEach((name, type) -> unknown.put(name, isNumber(type) ? "999999999" : "NOPE-unknown"));
        paths.add(expand(op.pattern, unknown));
        return paths;
    }

    private static long largestNumber(String url) {
        long largest = -1;
        Matcher numbers = Pattern.compile("\\d{1,18}").matcher(url);
        while (numbers.find()) {
            largest = Math.max(largest, Long.parseLong(numbers.group()));
        }
        return largest;
    }

    private static String expand(String pattern, Map<String, String> values) {
        String path = pattern;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replaceAll("\\{\\*?" + Pattern.quote(v.getKey()) + "(:[^}]*)?}", Matcher.quoteReplacement(v.getValue()));
        }
        return path;
    }

    private Map<String, String> fill(Operation op, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile(op.pattern.replaceAll("\\{[^}]+}", "([^/]+)").replace(".", "\\.")).matcher(path);
        Matcher names = Pattern.compile("\\{\\*?([^}:]+)[^}]*}").matcher(op.pattern);
        if (m.matches()) {
            for (int i = 1; names.find() && i <= m.groupCount(); i++) {
                values.put(names.group(1), m.group(i));
            }
        }
        return values;
    }

    private static final Pattern TAG = Pattern.compile("<(/?)(a|form|input|select|option|button|textarea|div|tr|li|span)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

    private void harvest(MvcResult result) throws Exception {
        if (result == null) {
            return;
        }
        String html = result.getResponse().getContentAsString();
        Matcher tags = TAG.matcher(html);
        String select = null;
        while (tags.find()) {
            String tag = tags.group(2).toLowerCase();
            if (!tags.group(1).isEmpty()) {
                if (tag.equals("select")) {
                    select = null;
                }
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(tags.group(3));
            while (a.find()) {
                attributes.put(a.group(1).toLowerCase(), a.group(2).replace("&amp;", "&"));
            }
            for (String link : List.of("href", "action", "hx-get", "hx-post", "th:action", "formaction", "data-href")) {
                String url = attributes.get(link);
                if (url != null && url.startsWith("/")) {
                    urls.add(url);
                }
            }
            String name = attributes.get("name");
            String value = attributes.get("value");
            if (tag.equals("select")) {
                select = name;
            } else if (tag.equals("option") && select != null && value != null && !value.isBlank()) {
                harvested.putIfAbsent(select, value);
            } else if (name != null && value != null && !value.isBlank() && !name.startsWith("_")) {
                harvested.putIfAbsent(name, value);
            }
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String printable(String value) {
        return printable(value, 40);
    }

    private static String printable(String value, int max) {
        String shown = value.length() > max ? value.substring(0, 10) + "…(" + value.length() + " chars)" : value;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.toString();
    }
}

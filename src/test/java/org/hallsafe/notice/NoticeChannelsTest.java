package org.hallsafe.notice;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hallsafe.HallSafeTest;
import org.hallsafe.MutableClock;
import org.hallsafe.TestHall;
import org.hallsafe.organization.DepartmentKind;
import org.hallsafe.organization.Directory;
import org.hallsafe.organization.Forms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 15, item 3: a published notice as a WeChat article, a press release and a poster; nothing else is. */
@HallSafeTest
class NoticeChannelsTest {

    /** Everything a notice body may try: script, handlers, a javascript: link, raw HTML, another server's picture. */
    static final String BODY = """
            ## 防护要点

            进入大厅请**佩戴口罩**，*保持一米距离*。<script>alert('x')</script>

            <img src="x" onerror="alert(1)">

            <div class="warn" style="color:red" onclick="alert(2)">原样HTML</div>

            - 入口测温
            - 扫场所码

            1. 洗手
            2. 戴口罩

            > 发热请先就医，不要来大厅。

            [点这里](javascript:alert(3)) 详见[政府网站](https://www.gov.cn/)。

            ![口罩示意图]({picture})

            ![外面的图](https://evil.example/x.png)
            """;

    @Autowired MockMvc mvc;
    @Autowired TestHall halls;
    @Autowired ChannelFixture notices;
    @Autowired Directory directory;
    @Autowired MutableClock clock;

    private TestHall.Hall hall;
    private UserDetails office;

    @BeforeEach
    void setUp() {
        hall = halls.create();
        office = halls.signIn(hall.officeDirector());
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ResultActions as(UserDetails who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who)));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void r15_3_theWeChatExportHasNoScriptNoHandlersNoClassesOnlyInlineStylesAndItsPicturesAsFiles() throws Exception {
        byte[] png = ChannelFixture.png();
        long id = notices.published(hall, "口罩佩戴须知", BODY, ChannelFixture.ALL, png);

        var response = as(office, "/notices/" + id + "/wechat.zip").andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".zip");
        Map<String, byte[]> zip = unzip(response.getContentAsByteArray());

        assertThat(zip.keySet()).containsExactly("article.html", "images/1.png");
        assertThat(zip.get("images/1.png")).isEqualTo(png);
        String html = new String(zip.get("article.html"), StandardCharsets.UTF_8);
        String body = html.substring(html.indexOf("<body>") + 6, html.indexOf("</body>"));

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("javascript:")
                .doesNotContain("alert(").doesNotContain("evil.example").doesNotContain("原样HTML");
        assertThat(Pattern.compile("(?i)\\son\\w+\\s*=").matcher(html).find()).as("an on* handler").isFalse();
        assertThat(Pattern.compile("(?i)\\sclass\\s*=").matcher(html).find()).as("a class").isFalse();
        // every element of the article carries its own style, and only those of HallSafe
        Matcher tags = Pattern.compile("<([a-z0-9]+)(\\s[^>]*)?>").matcher(body);
        int elements = 0;
        while (tags.find()) {
            if (!tags.group(1).equals("br")) {
                elements++;
                assertThat(tags.group(2)).as("<%s> has an inline style", tags.group(1)).contains("style=\"");
                assertThat(tags.group(2)).doesNotContain("color:red");
            }
        }
        assertThat(elements).isGreaterThan(12);
        assertThat(body).contains("<img src=\"images/1.png\" alt=\"口罩示意图\"")
                .contains("<strong style=").contains("佩戴口罩").contains("<h2 style=").contains("<li style=")
                .contains("<blockquote style=").contains("href=\"https://www.gov.cn/\"")
                // the picture from another server could not go along: its description stays
                .contains("外面的图")
                .contains(directory.site(hall.siteId()).name()).contains("/public/notices/" + id + "?hall=");
    }

    @Test
    void r15_3_thePressReleaseOpensWithPoiAndCarriesTitleHallDateContactAndTheBody() throws Exception {
        directory.saveDepartment(hall.siteId(), null,
                new Forms.DepartmentForm(DepartmentKind.SECTION, "领导小组办公室", "0571-87654321", ""));
        long id = notices.published(hall, "关于推迟开放的通告", BODY, List.of(Channel.MEDIA), ChannelFixture.png());

        var response = as(office, "/notices/" + id + "/press-release.docx").andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
                XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            text = words.getText();
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("关于推迟开放的通告");
            assertThat(doc.getParagraphs().get(1).getRuns().get(0).isBold()).isTrue();
        }
        String hallName = directory.site(hall.siteId()).name();
        String today = LocalDate.now(clock).toString();
        assertThat(text).contains("新闻通稿").contains("关于推迟开放的通告").contains(hallName + "  " + today)
                .contains("发布单位：" + hallName).contains("联系方式：领导小组办公室 0571-87654321")
                .contains("防护要点").contains("• 入口测温").contains("1. 洗手").contains("2. 戴口罩")
                .contains("发热请先就医").contains("（https://www.gov.cn/）").contains("［口罩示意图］")
                .contains("网上全文：http").contains("/public/notices/" + id + "?hall=")
                .doesNotContain("<script").doesNotContain("alert").doesNotContain("原样HTML").doesNotContain("**");
        assertThat(today).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void r15_3_aDraftAnApprovedButUnpublishedAndAWithdrawnNoticeAre404OnEveryChannel() throws Exception {
        long draft = notices.draft(hall, "草稿", "正文", ChannelFixture.ALL, null);
        long approved = notices.draft(hall, "已审核未发布", "正文", ChannelFixture.ALL, null);
        notices.approve(hall, approved);
        long withdrawn = notices.published(hall, "已撤回", "正文", ChannelFixture.ALL, null);
        long shown = notices.published(hall, "已发布", "正文", ChannelFixture.ALL, null);
        String code = directory.site(hall.siteId()).code();

        for (String path : channels(shown, code)) {
            open(path).andExpect(r -> assertThat(r.getResponse().getStatus()).as(path).isBetween(200, 399));
        }
        // the office's page of the notice links its channels while it is published, and only then
        String page = as(office, "/notices/" + shown).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"notice-export\"").contains("/notices/" + shown + "/poster?size=A3")
                .contains("/notices/" + shown + "/wechat.zip").contains("/notices/" + shown + "/press-release.docx")
                .contains("/notices/" + shown + "/wechat/send");
        notices.withdraw(hall, withdrawn);
        for (long id : List.of(draft, approved, withdrawn)) {
            assertThat(as(office, "/notices/" + id).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString()).doesNotContain("notice-export").doesNotContain("/wechat.zip");
            for (String path : channels(id, code)) {
                open(path).andExpect(status().isNotFound());
            }
            mvc.perform(post("/notices/" + id + "/wechat/send").with(user(office)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void r15_3_aNoticeOfAnotherHallIs404AndAChannelTheNoticeDoesNotNameIs404() throws Exception {
        TestHall.Hall other = halls.create();
        long theirs = notices.published(other, "别的大厅", "正文", ChannelFixture.ALL, null);
        String mine = directory.site(hall.siteId()).code();
        for (String path : channels(theirs, mine)) {
            open(path).andExpect(status().isNotFound());
        }
        mvc.perform(post("/notices/" + theirs + "/wechat/send").with(user(office)).with(csrf()))
                .andExpect(status().isNotFound());

        long webOnly = notices.published(hall, "只在网站", "正文", List.of(Channel.WEBSITE), null);
        for (String path : channels(webOnly, mine)) {
            open(path).andExpect(status().isNotFound());
        }
    }

    @Test
    void r15_3_onlyTheOfficeAndTheLeadershipOpenTheExports() throws Exception {
        long id = notices.published(hall, "权限", "正文", ChannelFixture.ALL, null);
        UserDetails screener = halls.signIn(hall.screener());
        UserDetails leader = halls.signIn(hall.leader());
        SecurityContextHolder.clearContext();
        for (String path : List.of("/notices/" + id + "/poster", "/notices/" + id + "/wechat.zip",
                "/notices/" + id + "/press-release.docx")) {
            as(screener, path).andExpect(status().isForbidden());
            as(leader, path).andExpect(status().isOk());
        }
    }

    @Test
    void r15_3_sendingToWeChatHandsTheArticleToThePublisherWhichWritesTheExport() throws Exception {
        long id = notices.published(hall, "发送到公众号", BODY, ChannelFixture.ALL, ChannelFixture.png());

        var result = mvc.perform(post("/notices/" + id + "/wechat/send").with(user(office)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/notices/" + id);
        Object where = result.getFlashMap().get("wechatSent");
        assertThat(where).as("the default publisher's file").isNotNull();
        Path file = Path.of(where.toString());
        try {
            assertThat(file.getFileName().toString()).isEqualTo("notice-" + id + ".zip");
            assertThat(file.getParent().getFileName().toString()).isEqualTo("hall-" + hall.siteId());
            assertThat(unzip(Files.readAllBytes(file)).keySet()).containsExactly("article.html", "images/1.png");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private List<String> channels(long id, String hallCode) {
        return List.of("/notices/" + id + "/poster", "/notices/" + id + "/poster?size=A3",
                "/notices/" + id + "/wechat.zip", "/notices/" + id + "/press-release.docx", "/notices/" + id + "/wechat",
                "/public/notices/" + id + "/wechat?hall=" + hallCode);
    }

    private ResultActions open(String path) throws Exception {
        return path.startsWith("/public/") ? mvc.perform(get(path)) : as(office, path);
    }
}

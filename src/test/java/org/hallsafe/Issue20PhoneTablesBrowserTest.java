package org.hallsafe;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20, item 3: on a 360 px phone a wide table is a pile of cards (one per row, each value led by its column's
 * name) and a form of many rows (the canteen's delivery) one card per row; nothing runs past the right edge.
 */
@HallSafeTest
@BrowserTest
class Issue20PhoneTablesBrowserTest {

    /** Per card of the page's first table-cards table: its cells, each with its label as drawn, and how it lies. */
    private static final String CARDS = """
            const vw = document.documentElement.clientWidth;
            const table = document.querySelector(arguments[0]);
            const rows = [...table.tBodies[0].rows].filter(r => r.cells.length > 1);
            return {
              viewport: vw,
              scroll: document.documentElement.scrollWidth,
              widest: Math.max(...[...document.querySelectorAll('main *')].filter(e => e.getClientRects().length && !e.closest('thead, .visually-hidden'))
                  .map(e => e.getBoundingClientRect().right)),
              headHeight: table.tHead.getBoundingClientRect().height,
              cards: rows.map(r => ({
                top: r.getBoundingClientRect().top, bottom: r.getBoundingClientRect().bottom,
                width: r.getBoundingClientRect().width,
                cells: [...r.cells].filter(c => c.dataset.label).map(c => ({
                  label: c.dataset.label,
                  drawn: getComputedStyle(c, '::before').content,
                  shown: c.getClientRects().length > 0 && getComputedStyle(c).display === 'block',
                  lines: (() => { const t = document.createRange(); t.selectNodeContents(c.firstElementChild || c);
                                  return new Set([...t.getClientRects()].map(q => Math.round(q.top))).size; })(),
                  field: (() => { const f = c.querySelector('input:not([type=hidden]), select');
                                  return f ? f.getBoundingClientRect().width / r.getBoundingClientRect().width : -1; })()
                }))
              }))
            };
            """;

    @LocalServerPort int port;
    @Autowired TestHall halls;

    @Test
    void r20_3_aWideTableIsStackedCardsOnA360PxPhoneAndTheDeliveryFormIsOneCardPerRow() throws Exception {
        TestHall.Hall hall = halls.create();
        try (Browser b = new Browser(port)) {
            b.signIn(hall.admin(), TestAccounts.PASSWORD);
            b.driver().manage().window().setSize(new Dimension(360, 780));
            for (String page : List.of("/org/staff", "/staffhealth", "/org/staff/sign-in")) {
                b.open(page);
                Map<String, Object> seen = cards(b, "table.table-cards");
                assertThat((Long) seen.get("viewport")).as(page + ": a 360 px phone").isLessThanOrEqualTo(360L);
                assertThat(seen.get("scroll")).as(page + ": nothing runs past the right edge").isEqualTo(seen.get("viewport"));
                assertThat(((Number) seen.get("widest")).doubleValue()).as(page + ": the widest thing on the page")
                        .isLessThanOrEqualTo(((Long) seen.get("viewport")).doubleValue() + 0.5);
                assertThat(((Number) seen.get("headHeight")).doubleValue()).as(page + ": the header row is hidden")
                        .isLessThanOrEqualTo(1.0);
                List<Map<String, Object>> cards = list(seen.get("cards"));
                assertThat(cards).as(page + ": one card per person").hasSizeGreaterThanOrEqualTo(4);
                for (Map<String, Object> card : cards) {
                    for (Map<String, Object> cell : list(card.get("cells"))) {
                        assertThat(cell.get("drawn")).as(page + ": the label drawn before the value")
                                .isEqualTo("\"" + cell.get("label") + "\"");
                        assertThat(cell.get("shown")).as(page + ": " + cell.get("label") + " shown as a line").isEqualTo(true);
                    }
                    // the person's name heads the card on one line, not one character per line
                    assertThat(list(card.get("cells")).get(0).get("lines")).as(page + ": the name on one line").isEqualTo(1L);
                }
                b.screenshot("r20-3-" + page.substring(1).replace('/', '-') + "-360");
            }
            // the canteen's delivery form: each line of goods is its own card, its fields full width, one under another
            b.open("/canteen/purchases/new");
            Map<String, Object> form = cards(b, "#items");
            assertThat(form.get("scroll")).as("the delivery form fits the phone").isEqualTo(form.get("viewport"));
            List<Map<String, Object>> lines = list(form.get("cards"));
            assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 0; i < lines.size(); i++) {
                Map<String, Object> line = lines.get(i);
                assertThat(((Number) line.get("width")).doubleValue()).as("a card as wide as the screen's column")
                        .isGreaterThan(0.75 * ((Long) form.get("viewport")));
                assertThat(list(line.get("cells"))).as("every field of the line labelled").hasSize(10).allSatisfy(cell -> {
                    assertThat(cell.get("drawn")).isEqualTo("\"" + cell.get("label") + "\"");
                    assertThat(((Number) cell.get("field")).doubleValue()).as(cell.get("label") + " full width")
                            .isGreaterThan(0.8);
                });
                if (i > 0) {
                    assertThat(((Number) line.get("top")).doubleValue()).as("the cards one under another")
                            .isGreaterThanOrEqualTo(((Number) lines.get(i - 1).get("bottom")).doubleValue());
                }
            }
            b.screenshot("r20-3-canteen-delivery-360");
            // a desk keeps the table
            b.driver().manage().window().setSize(new Dimension(1280, 900));
            b.open("/org/staff");
            assertThat(((Number) cards(b, "table.table-cards").get("headHeight")).doubleValue()).isGreaterThan(20);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cards(Browser b, String table) {
        return (Map<String, Object>) ((JavascriptExecutor) b.driver()).executeScript(CARDS, table);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}

package org.hallsafe.notice;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.hallsafe.organization.Directory;
import org.hallsafe.platform.HallSafeProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode (issue 15, item 6): the demo hall's prevention-knowledge library (masks, 7-step hand washing, what to do
 * with a fever, the hall's rules) and one work-progress notice, published on the website, WeChat, the boards and the
 * screens. A hall's office writes its own the same way; these are a start it may change or withdraw.
 */
@Component
class DemoNotices {

    static final List<String[]> KNOWLEDGE = List.of(
            new String[] {"正确佩戴口罩", """
                    进入大厅请全程佩戴口罩。

                    1. 洗手后再戴口罩，分清正反面：颜色深的一面朝外，有金属条的一边在上。
                    2. 拉开褶皱，盖住**口、鼻和下巴**，按压金属条贴合鼻梁。
                    3. 口罩潮湿、弄脏或破损时立即更换；一次性医用口罩连续佩戴不超过 4 小时。
                    4. 摘口罩时只拿耳绳，不要碰口罩外面；用过的口罩放进大厅的**废弃口罩专用桶**。

                    大厅入口备有口罩，忘带的请向测温点工作人员领取。"""},
            new String[] {"七步洗手法", """
                    用流动水和洗手液（或肥皂）洗手，每次**不少于 20 秒**：

                    1. **内**：掌心相对，手指并拢相互揉搓。
                    2. **外**：手心对手背，沿指缝相互揉搓，交换进行。
                    3. **夹**：掌心相对，双手交叉沿指缝相互揉搓。
                    4. **弓**：弯曲手指，关节在另一手掌心旋转揉搓，交换进行。
                    5. **大**：一手握另一手大拇指旋转揉搓，交换进行。
                    6. **立**：五个指尖并拢在另一手掌心旋转揉搓，交换进行。
                    7. **腕**：揉搓手腕，交换进行。

                    没有水时，用大厅各处的免洗手消毒液。"""},
            new String[] {"发热了怎么办", """
                    体温 **37.3°C 及以上**，或有咳嗽、乏力、咽痛等症状：

                    - 请不要进入大厅，不要乘坐公共交通，戴好口罩到就近的**发热门诊**就诊。
                    - 在大厅入口测温异常的，工作人员会请您到**临时留观点**复测，请配合。
                    - 急办的事项可以**网上办**、**预约后再来**，或请大厅**代办**；咨询请拨打大厅值班电话。
                    - 14 天内去过中高风险地区的，请主动告诉入口工作人员。"""},
            new String[] {"本大厅防控须知", """
                    为了您和他人的健康，请遵守：

                    1. 进门**测温、扫码、戴口罩**，体温正常方可进入。
                    2. 排队时保持 **1 米以上**距离，按地面标识等候。
                    3. 能网上办的尽量网上办；来大厅请先**预约**，按预约时段到达。
                    4. 办完即走，不在大厅停留聚集。
                    5. 请听从工作人员引导，谢谢配合！"""});

    private final HallSafeProperties properties;
    private final NoticeDesk desk;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    DemoNotices(HallSafeProperties properties, NoticeDesk desk, JdbcClient jdbc, Directory directory, Clock clock) {
        this.properties = properties;
        this.desk = desk;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(110)
    @Transactional
    public void load() {
        if (!properties.demo() || directory.sites("", true).stream().noneMatch(s -> s.id() == 1)
                || jdbc.sql("SELECT count(*) FROM notices WHERE site_id = 1").query(Long.class).single() > 0) {
            return;
        }
        load(1L);
    }

    /** The library in a hall: four knowledge notices and one progress notice, published. */
    void load(long siteId) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone())).withSecond(0).withNano(0);
        List<Channel> everywhere = List.of(Channel.WEBSITE, Channel.WECHAT, Channel.BOARD, Channel.SCREEN);
        for (String[] k : KNOWLEDGE) {
            desk.seed(siteId, new NoticeForm(Kind.KNOWLEDGE, k[0], k[1], now, null, everywhere), "office", "leader");
        }
        desk.seed(siteId, new NoticeForm(Kind.PROGRESS, "大厅防控工作进展", """
                本周大厅：

                - 入口测温、登记全部到位，异常人员均按流程劝返或留观。
                - 窗口、等候区、卫生间按计划**每天消毒**，台账可查。
                - 预约办理已开通网上、微信和电话三种方式，错峰办理。

                感谢大家的理解和配合。""", now, null, List.of(Channel.WEBSITE, Channel.WECHAT, Channel.SCREEN, Channel.MEDIA)),
                "office", "leader");
    }
}

package org.hallsafe.notice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

/**
 * The {@link WeChatPublisher} of a hall without a WeChat API connection (HallSafe's default: it has no internet of
 * its own): writes the article's ZIP to {@code hallsafe.notice.channels.wechat-export-dir}, one file per hall and
 * notice, replaced when the notice is sent again. Someone in the office opens it and pastes the article into the
 * official-account editor. A real adapter replaces this bean by being {@code @Primary}.
 */
@Component
class ExportingWeChatPublisher implements WeChatPublisher {

    private final Path dir;

    ExportingWeChatPublisher(NoticeChannelProperties properties, org.hallsafe.platform.HallSafeProperties hallsafe) {
        this.dir = properties.wechatExportDir().isBlank() ? hallsafe.dataDir().resolve("wechat")
                : Path.of(properties.wechatExportDir());
    }

    @Override
    public Result publish(WeChatArticle article) {
        Path hall = dir.resolve("hall-" + article.siteId());
        Path file = hall.resolve("notice-" + article.noticeId() + ".zip");
        try {
            Files.createDirectories(hall);
            Path part = Files.createTempFile(hall, "notice-" + article.noticeId(), ".part");
            Files.write(part, WeChatArticles.zip(article));
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(true, file.toAbsolutePath().normalize().toString());
        } catch (IOException e) {
            return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

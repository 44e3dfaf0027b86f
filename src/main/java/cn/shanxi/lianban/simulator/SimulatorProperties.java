package cn.shanxi.lianban.simulator;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.simulator.agencies}: the pretend agencies of the embedded default and
 * the tests. Never on in production: the {@code prod} profile turns them off.
 *
 * @param enabled whether they run (true in the default profile only)
 * @param bindAddress where their servers listen (loopback)
 * @param httpPort the HTTP agencies' port, 0 = any free one (published as
 * {@code lianban.simulator.agencies.http-port} for the routes)
 * @param sftpPort the agencies' SFTP server's port, 0 = any free one (published as
 * {@code lianban.simulator.agencies.sftp-port})
 * @param sftpRoot where the SFTP accounts' homes are
 * @param stagingCheckPeriod how often the housing fund centre reads its staging table
 */
@ConfigurationProperties("lianban.simulator.agencies")
public record SimulatorProperties(boolean enabled, String bindAddress, Integer httpPort, Integer sftpPort,
		Path sftpRoot, Duration stagingCheckPeriod) {

	public SimulatorProperties {
		bindAddress = (bindAddress != null) ? bindAddress : "127.0.0.1";
		httpPort = (httpPort != null) ? httpPort : 0;
		sftpPort = (sftpPort != null) ? sftpPort : 0;
		sftpRoot = (sftpRoot != null) ? sftpRoot : Path.of("data/agency-sftp");
		stagingCheckPeriod = (stagingCheckPeriod != null) ? stagingCheckPeriod : Duration.ofMillis(500);
	}

}

package cn.shanxi.lianban.certificate.file;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lianban.certificates.remote-sftp}: partners that keep their files on an SFTP
 * server of their own, polled by the hub — one route per entry, from the
 * {@code partner-remote-sftp} route template.
 *
 * @param knownHostsFile the known_hosts file the partners' host keys are checked against
 * @param workDirectory where fetched files are kept while they are ingested
 * @param sources the servers
 */
@ConfigurationProperties("lianban.certificates.remote-sftp")
public record RemoteSftpProperties(String knownHostsFile, String workDirectory, List<Source> sources) {

	public RemoteSftpProperties {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		workDirectory = (workDirectory != null) ? workDirectory : "data/remote-sftp-work";
	}

	/**
	 * One partner's server.
	 *
	 * @param partner the partner code (charset, format, allowed kinds come from the
	 * registry)
	 * @param directory the folder it leaves files in; receipts/, error/, archive/ are
	 * made inside it
	 * @param strictHostKeyChecking "yes" (default) — "no" only for a test server
	 * @param knownHostsFile overrides the common one
	 * @param delay milliseconds between polls
	 */
	public record Source(String partner, String host, Integer port, String directory, String username, String password,
			String privateKeyFile, String strictHostKeyChecking, String knownHostsFile, Long delay) {
	}

}

package cn.shanxi.lianban.casefile;

/**
 * Who a new case answers to besides its applicant on its channel: the window clerk's
 * service centre ({@code null} for an online case) and the SHA-256 of its access code.
 */
public record CaseOwnership(String serviceCentre, String accessCodeSha256) {
}

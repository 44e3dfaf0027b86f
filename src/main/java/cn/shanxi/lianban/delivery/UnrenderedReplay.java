package cn.shanxi.lianban.delivery;

/**
 * An operator replays a parked message that was never rendered (a failure of the hub's
 * own making): published inside the replay's transaction, before the row goes back in
 * line. Dispatch renders it now and writes it with {@link Outbox#rendered}, or throws a
 * problem saying why it still cannot, which refuses the replay.
 */
public record UnrenderedReplay(long outboxId, long caseId, long workItemId, String agency) {
}

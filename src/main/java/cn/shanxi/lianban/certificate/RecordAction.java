package cn.shanxi.lianban.certificate;

/** What a record asks for. The version decides which record wins, not the action. */
public enum RecordAction {

	SUBMIT, UPDATE, VOID

}

package cn.shanxi.lianban.mapping;

/** Where a fixed-width value sits in its field; the rest is padding. */
public enum Align {

	LEFT, RIGHT

}

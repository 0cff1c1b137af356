package org.bookbuild.cli;
public class Main { public static void main(String[] a) {} }

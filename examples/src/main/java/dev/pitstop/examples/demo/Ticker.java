package dev.pitstop.examples.demo;

/** Demo worker that prints a tick per second; it is never reloaded, so its PID stays the same. */
public final class Ticker {
    private Ticker() {}

    public static void main(String[] args) throws InterruptedException {
        for (long tick = 0; ; tick++) {
            System.out.println("tick " + tick);
            Thread.sleep(1000);
        }
    }
}

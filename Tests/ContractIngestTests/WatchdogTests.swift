import ContractIngest
import Foundation
import Testing

// one at a time: a test that reuses a thread must not see another take it in between
@Suite(.serialized) struct WatchdogTests {
    @Test func returnsTheResultInTime() {
        #expect(Watchdog.run(seconds: 5) { 41 + 1 } == 42)
    }

    /// Work that never returns (as a looping C library) is abandoned at the limit.
    @Test func givesUpOnWorkThatHangs() {
        let start = Date()
        let result: Int? = Watchdog.run(seconds: 0.5) {
            while true { Thread.sleep(forTimeInterval: 1) }
        }
        #expect(result == nil)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// A thread that finished its work runs the next: a process reading file after file
    /// does not start a thread for each.
    @Test func reusesAThreadThatFinished() {
        let key = "WatchdogTests.marker"
        #expect(Watchdog.run(seconds: 5) { () -> Bool in
            Thread.current.threadDictionary[key] = true
            return true
        } == true)
        // a new thread would start with an empty dictionary
        #expect(Watchdog.run(seconds: 5) { Thread.current.threadDictionary[key] as? Bool } == .some(true))
    }

    /// A thread stuck in work it was given up on is not given more: the next work runs.
    @Test func runsTheNextWorkAfterGivingUp() {
        let hung: Int? = Watchdog.run(seconds: 0.3) {
            while true { Thread.sleep(forTimeInterval: 1) }
        }
        #expect(hung == nil)
        #expect(Watchdog.run(seconds: 5) { 6 * 7 } == 42)
    }
}

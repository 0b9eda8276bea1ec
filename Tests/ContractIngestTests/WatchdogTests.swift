import ContractIngest
import Foundation
import Testing

@Suite struct WatchdogTests {
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
}

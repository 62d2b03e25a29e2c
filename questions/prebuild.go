package questions

import (
	"sync"

	"github.com/secpath/secpath/assess"
)

// Prebuilt is the embedded bank being built in the background, so that
// the first command to ask for it finds it ready: every command loads the
// bank first thing, and building it (a few tenths of a millisecond, most
// of it page faults on a cold start) can overlap the rest of start-up,
// such as the terminal detection done while packages are initialised.
//
// It is a value its starter hands to whoever loads the bank, not state of
// this package: a process serving many people starts one, or none, and
// Default never waits on a build someone else started.
type Prebuilt struct {
	ready chan *assess.Bank // nil when there is no pre-decoded bank
	once  sync.Once
}

// Prebuild starts building the embedded bank in the background. Without
// the pre-decoded bank there is nothing quick to build ahead, and the
// Prebuilt simply loads the bank when asked.
func Prebuild() *Prebuilt {
	p := &Prebuilt{}
	if predecoded != nil {
		p.ready = make(chan *assess.Bank, 1)
		go func() { p.ready <- readyBank() }()
	}
	return p
}

// Default returns the bank built in the background to its first caller,
// waiting for it if need be, and to every later caller a bank of its own
// from Default, so no two callers share a bank they did not ask to share.
func (p *Prebuilt) Default() (*assess.Bank, assess.Report, error) {
	var b *assess.Bank
	p.once.Do(func() {
		if p.ready != nil {
			b = <-p.ready
		}
	})
	if b != nil {
		return b, assess.Report{}, nil
	}
	return Default()
}

// readyBank builds the pre-decoded bank with its id index, so the bank is
// only ever read from then on and goroutines may share it.
func readyBank() *assess.Bank {
	b := predecoded()
	b.Prepare()
	return b
}

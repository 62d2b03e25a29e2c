package questions

import (
	"sync"

	"github.com/secpath/secpath/assess"
)

// prebuilt is the embedded bank, built in the background from package
// initialisation on, so that the first Default call finds it ready: every
// command loads the bank first thing, and building it (a few tenths of a
// millisecond, most of it page faults on a cold start) then overlaps the
// rest of start-up, such as the terminal detection done while packages
// are initialised. Later calls build a bank of their own.
var prebuilt struct {
	once sync.Once
	bank chan *assess.Bank
}

// init runs after bank_gen.go's (files initialise in name order), so
// predecoded is set when there is a pre-decoded bank.
func init() {
	if predecoded == nil {
		return
	}
	prebuilt.bank = make(chan *assess.Bank, 1)
	go func() { prebuilt.bank <- readyBank() }()
}

// readyBank builds the pre-decoded bank with its id index, so the bank is
// only ever read from then on and goroutines may share it.
func readyBank() *assess.Bank {
	b := predecoded()
	b.Prepare()
	return b
}

// takePrebuilt returns the bank built in the background to its first
// caller, nil to the others.
func takePrebuilt() *assess.Bank {
	var b *assess.Bank
	prebuilt.once.Do(func() {
		if prebuilt.bank != nil {
			b = <-prebuilt.bank
		}
	})
	return b
}

package view

import "fmt"

// Op is a client operation on the key-value store.
type Op uint8

const (
	OpPut Op = iota + 1
	OpDelete
	OpGet
	OpCAS
)

var opNames = [...]string{OpPut: "put", OpDelete: "delete", OpGet: "get", OpCAS: "cas"}

func (o Op) String() string {
	if int(o) < len(opNames) && opNames[o] != "" {
		return opNames[o]
	}
	return fmt.Sprintf("Op(%d)", uint8(o))
}

// IsWrite reports whether o goes through the log.
func (o Op) IsWrite() bool { return o != OpGet }

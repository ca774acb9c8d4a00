package playground

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"

	"github.com/raftlab/raftlab/playground/view"
)

// KeyValue is one key's record, as in etcd's MVCC store.
type KeyValue struct {
	Value          string
	CreateRevision int64
	ModRevision    int64
	Version        int64
}

// KV is the replicated state machine: a key-value store modelled on etcd's,
// with a global revision that every change increments.
type KV struct {
	Revision int64
	keys     map[string]KeyValue
	sessions map[int]session
}

type session struct {
	seq    uint64
	result view.Result
}

// NewKV returns an empty store.
func NewKV() *KV { return &KV{keys: map[string]KeyValue{}, sessions: map[int]session{}} }

// Clone returns an independent copy.
func (kv *KV) Clone() *KV {
	return &KV{Revision: kv.Revision, keys: maps.Clone(kv.keys), sessions: maps.Clone(kv.sessions)}
}

// Get returns a key's record.
func (kv *KV) Get(key string) (KeyValue, bool) {
	v, ok := kv.keys[key]
	return v, ok
}

// Keys lists the keys in ascending order.
func (kv *KV) Keys() []string { return slices.Sorted(maps.Keys(kv.keys)) }

// Read answers a get from the store's current state.
func (kv *KV) Read(key string) view.Result {
	v, ok := kv.keys[key]
	return view.Result{OK: true, Value: v.Value, Found: ok, Revision: kv.Revision}
}

// Apply executes a write and reports whether it is a repeat: a write of a
// (Client, Seq) the store has applied before, which a client sends again
// when it did not hear back the first time. With sessions (client
// sessions, dissertation 6.3) a repeat returns the first result without
// changing anything; without them, as in etcd, which has none, a repeat is
// applied again. A command of no client (Client 0) is never a repeat.
func (kv *KV) Apply(c view.Command, sessions bool) (r view.Result, repeat bool) {
	s, ok := kv.sessions[c.Client]
	repeat = ok && c.Client != 0 && c.Seq <= s.seq
	if repeat && sessions {
		return s.result, true
	}
	cur, found := kv.keys[c.Key]
	switch c.Op {
	case view.OpPut:
		kv.put(c.Key, c.Value, cur, found)
		r = view.Result{OK: true}
	case view.OpDelete:
		if found {
			kv.Revision++
			delete(kv.keys, c.Key)
		}
		r = view.Result{OK: true, Found: found}
	case view.OpCAS:
		if cur.Value == c.From && (found || c.From == "") {
			kv.put(c.Key, c.Value, cur, found)
			r = view.Result{OK: true}
		} else {
			r = view.Result{Value: cur.Value, Found: found}
		}
	default:
		return kv.Read(c.Key), repeat
	}
	r.Revision = kv.Revision
	if c.Client != 0 {
		kv.sessions[c.Client] = session{seq: c.Seq, result: r}
	}
	return r, repeat
}

func (kv *KV) put(key, value string, cur KeyValue, found bool) {
	kv.Revision++
	if !found {
		cur = KeyValue{CreateRevision: kv.Revision}
	}
	cur.Value = value
	cur.ModRevision = kv.Revision
	cur.Version++
	kv.keys[key] = cur
}

// errCodec reports bytes that are not an encoded command or store.
var errCodec = errors.New("playground: malformed encoding")

// EncodeCommand encodes c for a log entry.
func EncodeCommand(c view.Command) []byte {
	// Room for the varints at their longest, so that it allocates once.
	b := make([]byte, 0, 5*binary.MaxVarintLen64+1+len(c.Key)+len(c.Value)+len(c.From))
	b = binary.AppendUvarint(b, uint64(c.Client))
	b = binary.AppendUvarint(b, c.Seq)
	b = append(b, byte(c.Op))
	b = appendString(b, c.Key)
	b = appendString(b, c.Value)
	return appendString(b, c.From)
}

// DecodeCommand decodes a log entry's command.
func DecodeCommand(b []byte) (view.Command, error) {
	d := decoder{buf: b}
	c := view.Command{Client: int(d.uvarint()), Seq: d.uvarint(), Op: view.Op(d.byte())}
	c.Key, c.Value, c.From = d.string(), d.string(), d.string()
	if d.bad || len(d.buf) > 0 || c.Op < view.OpPut || c.Op > view.OpCAS {
		return view.Command{}, errCodec
	}
	return c, nil
}

// Marshal encodes the store for a snapshot, keys in order.
func (kv *KV) Marshal() []byte {
	b := binary.AppendVarint(nil, kv.Revision)
	b = binary.AppendUvarint(b, uint64(len(kv.keys)))
	for _, k := range kv.Keys() {
		v := kv.keys[k]
		b = appendString(b, k)
		b = appendString(b, v.Value)
		b = binary.AppendVarint(b, v.CreateRevision)
		b = binary.AppendVarint(b, v.ModRevision)
		b = binary.AppendVarint(b, v.Version)
	}
	clients := slices.Sorted(maps.Keys(kv.sessions))
	b = binary.AppendUvarint(b, uint64(len(clients)))
	for _, c := range clients {
		s := kv.sessions[c]
		b = binary.AppendUvarint(b, uint64(c))
		b = binary.AppendUvarint(b, s.seq)
		b = appendResult(b, s.result)
	}
	return b
}

// UnmarshalKV decodes a snapshot of the store.
func UnmarshalKV(b []byte) (*KV, error) {
	d := decoder{buf: b}
	kv := NewKV()
	kv.Revision = d.varint()
	for n := d.uvarint(); n > 0 && !d.bad; n-- {
		k := d.string()
		kv.keys[k] = KeyValue{Value: d.string(), CreateRevision: d.varint(), ModRevision: d.varint(), Version: d.varint()}
	}
	for n := d.uvarint(); n > 0 && !d.bad; n-- {
		c := int(d.uvarint())
		kv.sessions[c] = session{seq: d.uvarint(), result: d.result()}
	}
	if d.bad || len(d.buf) > 0 {
		return nil, errCodec
	}
	return kv, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendResult(b []byte, r view.Result) []byte {
	flags := byte(0)
	if r.OK {
		flags |= 1
	}
	if r.Found {
		flags |= 2
	}
	b = append(b, flags)
	b = appendString(b, r.Value)
	return binary.AppendVarint(b, r.Revision)
}

type decoder struct {
	buf []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.buf)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.buf) == 0 {
		d.bad = true
		return 0
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.buf)) {
		d.bad = true
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *decoder) result() view.Result {
	f := d.byte()
	return view.Result{OK: f&1 != 0, Found: f&2 != 0, Value: d.string(), Revision: d.varint()}
}

package etcdraft

import (
	"reflect"
	"unsafe"

	pb "go.etcd.io/raft/v3/raftpb"
)

// A world clones itself for each checkpoint of time travel, and a RawNode
// has no Clone. deepCopy copies a value's whole object graph instead:
// pointers (shared ones stay shared in the copy), structs with their
// unexported fields, slices, maps and interfaces. What is never changed in
// place is shared rather than copied: byte slices (entry data), entries and
// messages, and slices of values without pointers are copied flat.
//
// One thing in a RawNode is not data: raft.tick is a method value (the
// closure r.tickElection or r.tickHeartbeat), bound to the original
// raft. rebindTick binds the copy's to the copy.

type copier struct {
	seen map[seenKey]reflect.Value
}

type seenKey struct {
	p unsafe.Pointer
	t reflect.Type
}

// deepCopy returns a deep copy of *src.
func deepCopy[T any](src *T) *T {
	c := copier{seen: map[seenKey]reflect.Value{}}
	dst := new(T)
	c.copy(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem())
	return dst
}

// open makes an addressable value readable and settable, unexported or not.
func open(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

var (
	entryT   = reflect.TypeFor[pb.Entry]()
	messageT = reflect.TypeFor[pb.Message]()
)

// flat reports whether a slice of t can be copied element by element as
// bytes: t holds no pointers, or is immutable once made.
func flat(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Array:
		return flat(t.Elem())
	case reflect.Struct:
		if t == entryT || t == messageT {
			return true
		}
		for i := range t.NumField() {
			if !flat(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

// copy sets dst, addressable and zero, to a deep copy of src, addressable.
func (c *copier) copy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		k := seenKey{src.UnsafePointer(), src.Type()}
		if p, ok := c.seen[k]; ok {
			dst.Set(p)
			return
		}
		p := reflect.New(src.Type().Elem())
		c.seen[k] = p
		c.copy(p.Elem(), open(src.Elem()))
		dst.Set(p)
	case reflect.Struct:
		for i := range src.NumField() {
			c.copy(open(dst.Field(i)), open(src.Field(i)))
		}
	case reflect.Array:
		for i := range src.Len() {
			c.copy(dst.Index(i), src.Index(i))
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		if src.Type().Elem().Kind() == reflect.Uint8 {
			dst.Set(src) // entry data: never changed in place
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Cap())
		if flat(src.Type().Elem()) {
			reflect.Copy(s, src)
		} else {
			for i := range src.Len() {
				c.copy(s.Index(i), src.Index(i))
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for it := src.MapRange(); it.Next(); {
			k, v := addressable(it.Key()), addressable(it.Value())
			nk, nv := reflect.New(k.Type()).Elem(), reflect.New(v.Type()).Elem()
			c.copy(nk, k)
			c.copy(nv, v)
			m.SetMapIndex(nk, nv)
		}
		dst.Set(m)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		v := addressable(src.Elem())
		nv := reflect.New(v.Type()).Elem()
		c.copy(nv, v)
		dst.Set(nv)
	default:
		dst.Set(src)
	}
}

// addressable returns an addressable copy of v (a map's key or value, an
// interface's content).
func addressable(v reflect.Value) reflect.Value {
	a := reflect.New(v.Type()).Elem()
	a.Set(v)
	return a
}

// methodValue is how the compiler lays out a method value: a closure whose
// one captured variable is the receiver.
type methodValue struct {
	fn   uintptr
	recv unsafe.Pointer
}

// rebindTick binds the copied raft's tick to it (see above).
func rebindTick(copied peek) {
	r := copied.raft()
	f := (**methodValue)(unsafe.Add(r, offsets.tick))
	if *f == nil {
		return
	}
	*f = &methodValue{fn: (*f).fn, recv: r}
}

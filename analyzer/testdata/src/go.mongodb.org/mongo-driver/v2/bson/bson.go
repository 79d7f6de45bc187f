// Package bson is a test stub of go.mongodb.org/mongo-driver/v2/bson.
package bson

import "time"

type Zeroer interface {
	IsZero() bool
}

type D []E

func (d D) String() string { return "" }

func (d D) MarshalJSON() ([]byte, error) { return nil, nil }

func (d *D) UnmarshalJSON(b []byte) error { return nil }

type E struct {
	Key   string
	Value any
}

type M map[string]any

func (m M) String() string { return "" }

type A []any

type ObjectID [12]byte

var NilObjectID ObjectID

func NewObjectID() ObjectID { panic("stub") }

func ObjectIDFromHex(s string) (ObjectID, error) { panic("stub") }

func (id ObjectID) Hex() string { return "" }

func (id ObjectID) String() string { return "" }

func (id ObjectID) IsZero() bool { return false }

type DateTime int64

func NewDateTimeFromTime(t time.Time) DateTime { return 0 }

func (d DateTime) Time() time.Time { return time.Time{} }

type Timestamp struct {
	T uint32
	I uint32
}

type Marshaler interface {
	MarshalBSON() ([]byte, error)
}

type ValueMarshaler interface {
	MarshalBSONValue() (typ byte, data []byte, err error)
}

type Unmarshaler interface {
	UnmarshalBSON([]byte) error
}

type ValueUnmarshaler interface {
	UnmarshalBSONValue(typ byte, data []byte) error
}

func Marshal(val any) ([]byte, error) { return nil, nil }

func Unmarshal(data []byte, val any) error { return nil }

type Raw []byte

func (r Raw) Validate() (err error) { return nil }

func (r Raw) String() string { return "" }

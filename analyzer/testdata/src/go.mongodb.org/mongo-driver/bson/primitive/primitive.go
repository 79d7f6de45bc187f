// Package primitive is a test stub of go.mongodb.org/mongo-driver/bson/primitive.
package primitive

import "time"

type D []E

func (d D) Map() M { panic("stub") }

type E struct {
	Key   string
	Value interface{}
}

type M map[string]interface{}

type A []interface{}

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

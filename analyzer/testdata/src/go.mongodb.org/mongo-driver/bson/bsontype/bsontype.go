// Package bsontype is a test stub of go.mongodb.org/mongo-driver/bson/bsontype.
package bsontype

type Type byte

const (
	Double           Type = 0x01
	String           Type = 0x02
	EmbeddedDocument Type = 0x03
	Array            Type = 0x04
	ObjectID         Type = 0x07
	Null             Type = 0x0A
)

func (bt Type) String() string { return "" }

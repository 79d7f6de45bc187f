// Package bson is a test stub of go.mongodb.org/mongo-driver/bson.
package bson

import (
	"go.mongodb.org/mongo-driver/bson/bsontype"
	"go.mongodb.org/mongo-driver/bson/primitive"
)

type Zeroer interface {
	IsZero() bool
}

type D = primitive.D

type E = primitive.E

type M = primitive.M

type A = primitive.A

type Marshaler interface {
	MarshalBSON() ([]byte, error)
}

type ValueMarshaler interface {
	MarshalBSONValue() (bsontype.Type, []byte, error)
}

type Unmarshaler interface {
	UnmarshalBSON([]byte) error
}

type ValueUnmarshaler interface {
	UnmarshalBSONValue(bsontype.Type, []byte) error
}

func Marshal(val interface{}) ([]byte, error) { return nil, nil }

func Unmarshal(data []byte, val interface{}) error { return nil }

type Raw []byte

func (r Raw) Validate() (err error) { return nil }

func (r Raw) String() string { return "" }
